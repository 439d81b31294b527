/** The simulation worker thread's entry: runs the jobs the language server posts, one at a time. */
import { serveJobs } from '@neurocascade/simulator';
import { runTask } from './simulation-tasks.js';

serveJobs(runTask);
