// Layout checks that run inside the page: sideways scrolling, text drawn over other text,
// and focusable elements that look the same focused as unfocused. Each returns readable
// findings (empty when the page is fine), so a spec can collect them across many pages.
import type { Page } from '@playwright/test';

/** "<scroll> px wide (culprits)" when the page scrolls sideways, else null. */
export async function sidewaysOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    if (scrollWidth <= clientWidth) return null;
    // What sticks out, to say where to look (elements wider than the window, innermost first).
    const culprits = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > clientWidth + 0.5).reverse().slice(0, 3);
    return `${scrollWidth} px wide (${culprits.map((e) => `<${e.tagName.toLowerCase()} class="${String(e.className).slice(0, 60)}">`).join(', ')})`;
  });
}

/**
 * Pairs of elements whose text (or form controls) overlap by more than `tolerance` px in
 * both directions while neither contains the other. Measures the text itself (range
 * rects), clipped by every ancestor that clips, and leaves out hidden and visually
 * hidden text and overlays (fixed layers, and absolute ones given a z-index or a background).
 */
export async function textOverlaps(page: Page, tolerance = 2): Promise<string[]> {
  return page.evaluate((tol) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const styleOf = (el: Element) => getComputedStyle(el);
    const describe = (el: Element) => {
      const cls = String(el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 4).join('.');
      const text = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value || el.placeholder : el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${text}"`;
    };
    // The part of the viewport-relative page an element may paint into, or null when none.
    const visibleArea = new Map<Element, Box | null>();
    const areaOf = (el: Element): Box | null => {
      if (visibleArea.has(el)) return visibleArea.get(el)!;
      let area: Box | null = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      const cs = styleOf(el);
      const overlay = cs.position === 'fixed' || (cs.position === 'absolute' && (cs.zIndex !== 'auto' || !/rgba\(.*, 0\)|transparent/.test(cs.backgroundColor)));
      if (overlay || cs.clip !== 'auto' || cs.clipPath !== 'none') area = null;
      else if (el.parentElement && el !== document.body) area = areaOf(el.parentElement);
      if (area && cs.overflowX !== 'visible' && cs.overflowY !== 'visible') {
        const r = el.getBoundingClientRect();
        area = { left: Math.max(area.left, r.left), top: Math.max(area.top, r.top), right: Math.min(area.right, r.right), bottom: Math.min(area.bottom, r.bottom) };
        if (area.right - area.left < 1 || area.bottom - area.top < 1) area = null;
      }
      visibleArea.set(el, area);
      return area;
    };
    const items: { el: Element; box: Box }[] = [];
    const add = (el: Element, rect: DOMRect) => {
      const area = areaOf(el);
      if (!area) return;
      const box = { left: Math.max(rect.left, area.left), top: Math.max(rect.top, area.top), right: Math.min(rect.right, area.right), bottom: Math.min(rect.bottom, area.bottom) };
      if (box.right - box.left > 1 && box.bottom - box.top > 1) items.push({ el, box });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('script, style, noscript, template, svg')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) add(el, rect);
    }
    for (const el of document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select')) {
      if (el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) add(el, el.getBoundingClientRect());
    }
    // Sweep by top edge: only boxes that start above another's bottom can overlap it.
    items.sort((a, b) => a.box.top - b.box.top);
    const found = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const a = items[i];
      for (let j = i + 1; j < items.length && items[j].box.top < a.box.bottom - tol; j++) {
        const b = items[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const dx = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const dy = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (dx > tol && dy > tol) found.add(`${describe(a.el)} overlaps ${describe(b.el)} by ${Math.round(dx)}x${Math.round(dy)} px`);
      }
    }
    return [...found];
  }, tolerance);
}

/**
 * Focusable elements whose outline, shadow, border and background are the same focused
 * (with :focus-visible, as from the keyboard) as unfocused. `checked` holds the kinds of
 * element (tag and classes) already checked on earlier pages, and is added to.
 */
export async function missingFocusStyles(page: Page, checked: Set<string>): Promise<string[]> {
  await page.mouse.move(0, 0);
  // Keyboard modality: from here, script focus() shows :focus-visible as a Tab would.
  await page.keyboard.press('Tab');
  const result = await page.evaluate((already) => {
    const PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'border-top-color', 'border-bottom-color', 'border-top-width', 'border-bottom-width', 'background-color', 'background-image'];
    const look = (el: Element) => {
      // Jump to the end of any transition the focus started, or the change would not show yet.
      for (const a of el.getAnimations()) if (a instanceof CSSTransition) a.finish();
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle === 'none' || cs.outlineWidth === '0px' ? 'no outline' : '';
      return PROPS.map((p) => (p.startsWith('outline') && outline ? outline : cs.getPropertyValue(p))).join('|');
    };
    const kindOf = (el: Element) => `${el.tagName.toLowerCase()}[${el.getAttribute('type') ?? ''}].${el.getAttribute('class') ?? ''}`;
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]'));
    (document.activeElement as HTMLElement | null)?.blur();
    const before = focusable.map(look);
    const seen = new Set(already);
    const problems: string[] = [];
    focusable.forEach((el, i) => {
      const kind = kindOf(el);
      if (seen.has(kind)) return;
      el.focus({ preventScroll: true });
      if (document.activeElement !== el) return;
      const r = el.getBoundingClientRect();
      // Still hidden when focused (a closed menu's items, a visually hidden input): not drawn at all.
      if (r.width <= 1 || r.height <= 1 || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
      seen.add(kind);
      const name = `<${el.tagName.toLowerCase()} class="${(el.getAttribute('class') ?? '').slice(0, 80)}"> "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      if (!el.matches(':focus-visible')) problems.push(`${name} did not get :focus-visible from focus() after a Tab (the check itself is off)`);
      else if (look(el) === before[i]) problems.push(`${name} looks the same focused`);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    return { problems, seen: [...seen] };
  }, [...checked]);
  for (const kind of result.seen) checked.add(kind);
  return result.problems;
}
