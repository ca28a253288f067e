import { useT } from '../i18n/I18nProvider';

interface Props<T extends string> {
  label: string;
  tabs: readonly T[];
  selected: T;
  nameOf: (tab: T) => string;
  countOf: (tab: T) => number;
  onChange: (tab: T) => void;
}

/** A row of filter tabs, each with its name and how many rows it shows. */
export function CountTabs<T extends string>({ label, tabs, selected, nameOf, countOf, onChange }: Props<T>) {
  const { f } = useT();
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={selected === tab}
          className={selected === tab ? 'tab tab--active' : 'tab'}
          onClick={() => onChange(tab)}
        >
          {nameOf(tab)} <span className="tab__count">{f.count(countOf(tab))}</span>
        </button>
      ))}
    </div>
  );
}
