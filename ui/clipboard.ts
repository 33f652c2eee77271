/**
 * Copy text to the clipboard. The asynchronous Clipboard API needs a secure context (https or
 * localhost) and may be refused by the browser; then a hidden, selected textarea and the old
 * `execCommand('copy')` are tried, which also work on plain http and in some embedded frames.
 * Resolves to whether the text was copied, so the caller can say so.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}
