import './language-features.spec.js';
import './commands.spec.js';
import './fault-recovery.spec.js';
