import { runCorpusGroup } from './support/run-corpus';

runCorpusGroup('sequences-schemas-extensions');
