// What the modules of luring.js share.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function kb(bita) {
  return `${Math.max(1, Math.round(bita / 1024)).toLocaleString("id-ID")} KB`;
}

// A question to the service worker, answered on a channel of its own; null
// when no worker answers within 20 seconds (none started, or none here).
export async function tanya(pesan) {
  const habis = new Promise((selesai) => { setTimeout(selesai, 20000, null); });
  const daftar = await Promise.race([navigator.serviceWorker.ready, habis]);
  if (!daftar || !daftar.active) return null;
  return Promise.race([habis, new Promise((selesai) => {
    const saluran = new MessageChannel();
    saluran.port1.onmessage = (event) => selesai(event.data);
    daftar.active.postMessage(pesan, [saluran.port2]);
  })]);
}
