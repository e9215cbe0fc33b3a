import { render } from 'preact';
import { openDb } from '../shared/db.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { onBroadcast } from '../shared/messaging.ts';
import { setFormatLanguage } from '../ui/format.ts';
import { dbLoader } from './data.ts';
import { Reports } from './Reports.tsx';

setFormatLanguage(uiLanguage());
document.documentElement.lang = uiLanguage();

const load = dbLoader(openDb());

/** A Blob download keeps the CSV in the page: nothing leaves the browser. */
function download(filename: string, body: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', body], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function subscribe(reload: () => void): () => void {
  const stop = new AbortController();
  onBroadcast((m) => m.type === 'bg:conversations-changed' && reload(), stop.signal);
  return () => stop.abort();
}

render(<Reports load={load} now={Date.now} onCsv={download} subscribe={subscribe} />, document.getElementById('app')!);
