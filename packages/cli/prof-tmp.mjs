import { ModelLoader } from '@neurocascade/language';
import { lowerDocument } from '@neurocascade/language/out/src/lowering/cascade-lowering.js';
