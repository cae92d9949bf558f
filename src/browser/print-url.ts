// A printed article shows its full address; the page itself only knows its path.
export {};
for (const el of document.querySelectorAll<HTMLElement>('[data-print-url]')) el.textContent = location.href;
