import { type KeyboardEvent, useRef } from 'react';

import { useT } from '../i18n/I18nProvider';

interface Props<T extends string> {
  label: string;
  tabs: readonly T[];
  selected: T;
  nameOf: (tab: T) => string;
  countOf: (tab: T) => number;
  onChange: (tab: T) => void;
}

const STEPS: Partial<Record<string, (at: number, last: number) => number>> = {
  ArrowRight: (at, last) => (at === last ? 0 : at + 1),
  ArrowLeft: (at, last) => (at === 0 ? last : at - 1),
  Home: () => 0,
  End: (_at, last) => last,
};

/**
 * A row of filter tabs, each with its name and how many rows it shows. As a tab list should: one
 * stop for Tab (the selected tab), the arrow keys, Home and End move between tabs and show each one.
 */
export function CountTabs<T extends string>({ label, tabs, selected, nameOf, countOf, onChange }: Props<T>) {
  const { f } = useT();
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = STEPS[event.key];
    const at = tabs.indexOf(selected);
    if (step === undefined || tabs.length === 0) return;
    event.preventDefault();
    const next = step(Math.max(0, at), tabs.length - 1);
    const tab = tabs[next];
    if (tab === undefined) return;
    onChange(tab);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} className="tabs" role="tablist" aria-label={label} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={selected === tab}
          tabIndex={selected === tab || !tabs.includes(selected) ? 0 : -1}
          className={selected === tab ? 'tab tab--active' : 'tab'}
          onClick={() => onChange(tab)}
        >
          {nameOf(tab)} <span className="tab__count">{f.count(countOf(tab))}</span>
        </button>
      ))}
    </div>
  );
}
