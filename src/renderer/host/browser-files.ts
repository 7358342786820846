import type { ResponseOf } from '../../shared/ipc-contract';

/**
 * Files in the browser preview, where no save or open dialog of the system is reachable: a
 * download through a temporary link, and the browser's own file picker through a detached
 * `<input type="file">`. Both must start inside the learner's click (browsers refuse a picker
 * opened later), so nothing here awaits before `click()`.
 */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // Revoked once the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Lets the learner pick one file; a file over `maxBytes` is reported, not read. */
export function pickTextFile(maxBytes: number, accept = '.json,application/json'): Promise<ResponseOf<'importProgress'>> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('cancel', () => resolve({ status: 'cancelled' }), { once: true });
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (!file) resolve({ status: 'cancelled' });
        else if (file.size > maxBytes) resolve({ status: 'too-large', fileName: file.name, bytes: file.size });
        else file.text().then((text) => resolve({ status: 'read', fileName: file.name, text }), reject);
      },
      { once: true },
    );
    input.click();
  });
}
