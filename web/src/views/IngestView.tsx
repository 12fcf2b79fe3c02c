// Ingest: upload files or give a URL; each input shows its progress and what became of it.
import { useState } from 'react';
import { getJson, uploadFile } from '../api';
import type { Navigate } from '../common';
import type { IngestOutcome } from '../types';

interface Job { key: number; name: string; phase: 'waiting' | 'uploading' | 'processing' | 'done' | 'failed'; progress: number; outcome?: IngestOutcome; error?: string }

let nextKey = 1;

export function IngestView({ onIngested, nav }: { onIngested: () => void; nav: Navigate }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [dragging, setDragging] = useState(false);
  const update = (key: number, patch: Partial<Job>) => setJobs((js) => js.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  const finish = (key: number, outcome: IngestOutcome) => {
    update(key, { phase: outcome.status === 'failed' ? 'failed' : 'done', outcome, progress: 1, error: outcome.status === 'failed' ? outcome.reason : undefined });
    if (outcome.status === 'ingested') onIngested();
  };

  const addFiles = async (files: File[]) => {
    const added = files.map((f) => ({ key: nextKey++, name: f.name, phase: 'waiting' as const, progress: 0, file: f }));
    setJobs((js) => [...added.map(({ file: _f, ...j }) => j), ...js]);
    // One at a time, in order: the server ingests one document at a time anyway.
    for (const job of added) {
      update(job.key, { phase: 'uploading' });
      try {
        const outcome = await uploadFile(job.file, (p) => update(job.key, { progress: p, phase: p >= 1 ? 'processing' : 'uploading' }), date || undefined) as IngestOutcome;
        finish(job.key, outcome);
      } catch (err) {
        update(job.key, { phase: 'failed', error: (err as Error).message });
      }
    }
  };

  const addUrl = async () => {
    const target = url.trim();
    if (!target) return;
    const key = nextKey++;
    setJobs((js) => [{ key, name: target, phase: 'processing', progress: 0 }, ...js]);
    setUrl('');
    try {
      const { outcome } = await getJson<{ outcome: IngestOutcome }>('ingest/url', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: target, date: date || undefined }),
      });
      finish(key, outcome);
    } catch (err) {
      update(key, { phase: 'failed', error: (err as Error).message });
    }
  };

  return <div className="page ingest-view">
    <h2>Ingest</h2>
    <p className="muted">Text, Markdown, HTML, PDF or Word files, or a web address. Each document is read, its entities and statements extracted, and stored with its evidence.</p>
    <div className={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)}
      onDrop={(e) => { e.preventDefault(); setDragging(false); void addFiles([...e.dataTransfer.files]); }}>
      <label>Drop files here or <input type="file" multiple data-testid="file-input" aria-label="files to ingest"
        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx"
        onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void addFiles(files); }} /></label>
    </div>
    <form className="row" onSubmit={(e) => { e.preventDefault(); void addUrl(); }}>
      <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" aria-label="URL to ingest" />
      <button type="submit">Fetch and ingest</button>
    </form>
    <label className="field">publication date when a document has none <input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
    {jobs.length > 0 && <table className="table jobs" data-testid="ingest-jobs"><thead><tr><th>input</th><th>progress</th><th>outcome</th></tr></thead><tbody>
      {jobs.map((j) => <tr key={j.key} className={`job job-${j.phase}`} data-phase={j.phase}>
        <td>{j.name}</td>
        <td><progress max={1} value={j.phase === 'done' || j.phase === 'failed' ? 1 : j.phase === 'processing' ? undefined : j.progress} /> {j.phase}</td>
        <td>{j.outcome?.status === 'ingested' && <>ingested <a href={`#/document/${j.outcome.documentId}`} onClick={(e) => { e.preventDefault(); nav.document(j.outcome!.documentId!); }}>{j.outcome.title}</a>: {j.outcome.words} words, {j.outcome.entities} entities, {j.outcome.statements} statements</>}
          {j.outcome?.status === 'unchanged' && <>already ingested ({j.outcome.title})</>}
          {j.phase === 'failed' && <span className="warn">failed: {j.error}</span>}</td>
      </tr>)}
    </tbody></table>}
  </div>;
}
