// A heading's link copies the section's address; without JavaScript it is a plain link to the section.
export {};

const status = document.createElement('p');
status.className = 'visually-hidden';
status.setAttribute('role', 'status');
document.body.append(status);

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', location.href).href;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      link.dataset.copied = 'true';
      status.textContent = 'Link copied';
    } catch {
      status.textContent = 'The link could not be copied; it is in the address bar';
    }
    setTimeout(() => { delete link.dataset.copied; status.textContent = ''; }, 1500);
  });
}
