import { runCorpusGroup } from './support/run-corpus';

runCorpusGroup('extension-versions');
