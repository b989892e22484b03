import { runCorpusGroup } from './support/run-corpus';

runCorpusGroup('columns');
