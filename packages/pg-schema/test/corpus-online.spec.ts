import { runCorpusGroup } from './support/run-corpus';

// Online forms on tables that exist and hold rows (plan/online-forms.ts), up and down.
runCorpusGroup('online');
