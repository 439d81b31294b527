import './language-features.spec.js';
import './commands.spec.js';
