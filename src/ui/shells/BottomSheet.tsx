// The phone's bottom sheet: at peek it leaves the map most of the screen, at half or full it
// holds a role's panel or the inspector. Dragged by its handle (pointer events, snapped to the
// nearest height) or set by tapping the handle, which is a button for keyboards and screen readers.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/language-context.tsx';

export type SheetSnap = 'peek' | 'half' | 'full';
const ORDER: readonly SheetSnap[] = ['peek', 'half', 'full'];
/** A pointer that moved less than this (px) tapped the handle rather than dragging it. */
const TAP_PX = 6;
/** The peek height when the style sheet does not say (it sets --sheet-peek on the sheet's parent). */
const PEEK_PX = 200;

export interface BottomSheetProps {
  snap: SheetSnap;
  onSnap: (snap: SheetSnap) => void;
  /** Shown at the top of the sheet at every height (the drawing in progress, say). */
  peek?: ReactNode;
  children: ReactNode;
}

export function BottomSheet(props: BottomSheetProps) {
  const { t } = useI18n();
  const sheet = useRef<HTMLElement>(null);
  const drag = useRef<{ startY: number; startHeight: number; moved: boolean } | null>(null);
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const justDragged = useRef(false);
  const { snap, onSnap } = props;

  // Typing in the sheet: the field being typed in stays above the on-screen keyboard, which
  // shrinks the visual viewport rather than (on every browser) the layout.
  useEffect(() => {
    const element = sheet.current;
    const viewport = window.visualViewport;
    if (!element) return;
    // Scrolls the sheet's own body only: scrollIntoView would also scroll the clipped layout
    // around it, pushing the header off the screen.
    const keepVisible = () => {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLElement) || !element.contains(focused) || !focused.matches('input, textarea, select')) return;
      const body = focused.closest('.sheet-body');
      if (!body) return;
      const field = focused.getBoundingClientRect();
      const box = body.getBoundingClientRect();
      const visibleBottom = Math.min(box.bottom, window.visualViewport ? window.visualViewport.offsetTop + window.visualViewport.height : box.bottom);
      if (field.top < box.top || field.bottom > visibleBottom) body.scrollTop += field.top - box.top - (visibleBottom - box.top - field.height) / 2;
    };
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement) || !e.target.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea')) return;
      if (snap === 'peek') onSnap('half');
      requestAnimationFrame(keepVisible);
    };
    element.addEventListener('focusin', onFocus);
    viewport?.addEventListener('resize', keepVisible);
    return () => {
      element.removeEventListener('focusin', onFocus);
      viewport?.removeEventListener('resize', keepVisible);
    };
  }, [snap, onSnap]);

  const settle = (height: number) => {
    const parent = sheet.current?.parentElement;
    if (!parent) return;
    const heights = ORDER.map((s) => ({ s, h: snapHeight(s, parent) }));
    const nearest = heights.reduce((a, b) => (Math.abs(b.h - height) < Math.abs(a.h - height) ? b : a));
    onSnap(nearest.s);
  };

  return (
    <section
      ref={sheet}
      className="bottom-sheet"
      data-snap={snap}
      aria-label={t('layout.sheet')}
      style={dragHeight !== null ? { height: `${dragHeight}px`, transition: 'none' } : undefined}
    >
      <button
        type="button"
        className="sheet-handle"
        aria-label={t('layout.sheetHandle', { height: t(`layout.sheet.${snap}`) })}
        onPointerDown={(e) => {
          if (!sheet.current) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { startY: e.clientY, startHeight: sheet.current.getBoundingClientRect().height, moved: false };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const dy = d.startY - e.clientY;
          if (!d.moved && Math.abs(dy) < TAP_PX) return;
          d.moved = true;
          const max = sheet.current?.parentElement?.clientHeight ?? d.startHeight;
          setDragHeight(Math.min(max, Math.max(48, d.startHeight + dy)));
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (!d?.moved) return;
          justDragged.current = true;
          setDragHeight(null);
          settle(d.startHeight + d.startY - e.clientY);
        }}
        onPointerCancel={() => {
          drag.current = null;
          setDragHeight(null);
        }}
        onClick={() => {
          // A drag ends in a click on the handle too; only a tap (or a key) cycles the height.
          if (justDragged.current) {
            justDragged.current = false;
            return;
          }
          onSnap(ORDER[(ORDER.indexOf(snap) + 1) % ORDER.length]!);
        }}
      >
        <span className="grip" aria-hidden="true" />
      </button>
      {props.peek}
      <div className="sheet-body">{props.children}</div>
    </section>
  );
}

/** The sheet's height at a snap, in px, inside its parent (as the style sheet sets it). */
function snapHeight(snap: SheetSnap, parent: HTMLElement): number {
  const total = parent.clientHeight;
  if (snap === 'full') return total;
  if (snap === 'half') return total / 2;
  return Number.parseFloat(getComputedStyle(parent).getPropertyValue('--sheet-peek')) || PEEK_PX;
}
