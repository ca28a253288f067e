import type { ColumnMapping, SheetView } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

const ROLES = ['phone', 'name', 'caller', 'custom', 'ignore'] as const;
type Role = (typeof ROLES)[number];

function roleOf(mapping: ColumnMapping, column: number): Role {
  if (mapping.phone.includes(column)) return 'phone';
  if (mapping.name === column) return 'name';
  if (mapping.caller === column) return 'caller';
  if (mapping.custom.includes(column)) return 'custom';
  return 'ignore';
}

/** The mapping with one column's role changed; a name or caller already elsewhere moves here. */
export function withRole(mapping: ColumnMapping, column: number, role: Role): ColumnMapping {
  const without: ColumnMapping = {
    phone: mapping.phone.filter((c) => c !== column),
    name: mapping.name === column ? null : mapping.name,
    caller: mapping.caller === column ? null : mapping.caller,
    custom: mapping.custom.filter((c) => c !== column),
  };
  switch (role) {
    case 'phone':
      return { ...without, phone: [...without.phone, column].sort((a, b) => a - b) };
    case 'name':
      return { ...without, name: column };
    case 'caller':
      return { ...without, caller: column };
    case 'custom':
      return { ...without, custom: [...without.custom, column].sort((a, b) => a - b) };
    case 'ignore':
      return without;
  }
}

interface Props {
  view: SheetView;
  disabled: boolean;
  onChange: (mapping: ColumnMapping) => void;
}

/** What each column holds. Several phone columns give one contact several numbers. */
export function ColumnRoles({ view, disabled, onChange }: Props) {
  const { t } = useT();
  return (
    <fieldset className="panel columns" disabled={disabled}>
      <legend className="panel__title">
        {t.columns.title} <span className="panel__hint">{t.columns.source[view.mappingSource]}</span>
      </legend>
      <div className="columns__list">
        {view.columns.map((name, column) => (
          <label key={column} className="field">
            <span className="field__label" title={name}>
              {name}
            </span>
            <select
              value={roleOf(view.mapping, column)}
              data-testid={`role-${column}`}
              onChange={(e) => onChange(withRole(view.mapping, column, e.target.value as Role))}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.columns.roles[role]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
