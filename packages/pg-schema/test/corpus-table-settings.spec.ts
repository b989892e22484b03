import { runCorpusGroup } from './support/run-corpus';

runCorpusGroup('table-settings');
