import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n/i18n';

/**
 * The box every data table sits in: on a narrow screen the table scrolls sideways
 * inside it, never the page. While it does scroll, the box is a named region that
 * takes the keyboard focus, so keyboard users can scroll it too (axe's
 * scrollable-region-focusable); when the table fits, it is no tab stop.
 */
export function TableScroll({ label, children }: { label?: string; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // Regions are landmarks and need distinct names: by default named after their card (section).
  const [cardLabel, setCardLabel] = useState<string | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    setCardLabel(box.closest('section[aria-label]')?.getAttribute('aria-label') ?? null);
    // No check right here: reading the widths now would force a layout of the whole page in the
    // middle of its first render (a tenth of a second on a slowed phone CPU). A ResizeObserver
    // reports every observed element once after the next layout anyway.
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" tabIndex={scrolls ? 0 : undefined} role={scrolls ? 'region' : undefined} aria-label={scrolls ? (label ?? (cardLabel ? t('table.scrollOf', { name: cardLabel }) : t('table.scroll'))) : undefined}>
      {children}
    </div>
  );
}
