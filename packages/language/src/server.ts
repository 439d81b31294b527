import { startCascadeServer } from './main.js';

startCascadeServer();
