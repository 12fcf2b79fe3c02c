// Calls to the workbench API. Every failure becomes an Error whose message a person can read.

export class ApiFailure extends Error {}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`api/${path}`, init);
  } catch (err) {
    throw new ApiFailure(`cannot reach the skein server (${(err as Error).message}); is "skein serve" still running?`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiFailure(`the server answered ${res.status} ${res.statusText} without JSON`);
  }
  if (!res.ok) {
    const message = (body as { error?: string })?.error ?? `${res.status} ${res.statusText}`;
    throw new ApiFailure(message);
  }
  return body as T;
}

export function query(params: Record<string, string | number | undefined | null | false>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== false && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Uploads one file with progress (XMLHttpRequest: fetch has no upload progress). */
export function uploadFile(file: File, onProgress: (fraction: number) => void, date?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `api/ingest/file${query({ name: file.name, date })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiFailure('the upload failed: the server could not be reached'));
    xhr.onload = () => {
      let body: { error?: string; outcome?: unknown } | null = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body.outcome);
      else if (body?.outcome) resolve(body.outcome);
      else reject(new ApiFailure(body?.error ?? `the server answered ${xhr.status}`));
    };
    xhr.send(file);
  });
}
