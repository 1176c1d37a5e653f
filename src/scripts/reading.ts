/**
 * Small reading aids on article pages, part of the script every page shares:
 * a copy button on each command block, and the current section marked in
 * "On this page" as the reader scrolls, and the popovers that HTML opens (the
 * phone menu, the list of sections) kept on the current page and closed by a
 * link chosen in them.
 */

/** A "Copy" button on each code block of the article body. */
function addCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const pre of document.querySelectorAll<HTMLElement>('[data-article-body] pre')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.addEventListener('click', () => {
      navigator.clipboard.writeText((pre.querySelector('code') ?? pre).textContent?.trimEnd() ?? '').then(
        () => {
          button.textContent = 'Copied';
          setTimeout(() => (button.textContent = 'Copy'), 2000);
        },
        () => (button.textContent = 'Copy failed'),
      );
    });
    pre.classList.add('has-copy');
    pre.before(button);
  }
}

/** Mark the "On this page" link of the section being read (aria-current="true"). */
function markCurrentSection(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  const sections = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1)))).filter((heading) => heading !== null);
  if (!sections.length) return;
  const mark = () => {
    // The last section whose heading has passed the top third of the window.
    const line = innerHeight / 3;
    let current = 0;
    sections.forEach((heading, index) => {
      if (heading.getBoundingClientRect().top <= line) current = index;
    });
    links.forEach((link, index) => (index === current ? link.setAttribute('aria-current', 'true') : link.removeAttribute('aria-current')));
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        mark();
      });
    },
    { passive: true },
  );
  mark();
}

/**
 * The popovers that HTML opens (the phone menu, "On this page" on narrower screens): each opens scrolled to the
 * current page or section, and a link chosen in it closes it, so the section it opens is not hidden behind the list.
 */
function followPopovers(): void {
  for (const popover of document.querySelectorAll<HTMLElement>('[popover]')) {
    popover.ontoggle = (event) => event.newState == 'open' && popover.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest' });
    popover.onclick = (event) => (event.target as Element).closest('a') && popover.hidePopover();
  }
}

export function startReading(): void {
  addCopyButtons();
  markCurrentSection();
  followPopovers();
}
