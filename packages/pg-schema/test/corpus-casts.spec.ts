import { runCorpusGroup } from './support/run-corpus';

runCorpusGroup('casts');
