import type { ColumnMapping, SheetView } from '../../../shared/sheet-schemas';

type Role = 'phone' | 'name' | 'caller' | 'custom' | 'ignore';

const ROLE_LABELS: Record<Role, string> = {
  phone: 'Phone',
  name: 'Name',
  caller: 'Caller ID',
  custom: 'Custom field',
  ignore: 'Not used',
};

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

const SOURCE_TEXT: Record<SheetView['mappingSource'], string> = {
  detected: 'detected from the header and the contents',
  remembered: 'as you set them last time for these headers',
  chosen: 'as you chose',
};

/** What each column holds. Several phone columns give one contact several numbers. */
export function ColumnRoles({ view, disabled, onChange }: Props) {
  return (
    <fieldset className="panel columns" disabled={disabled}>
      <legend className="panel__title">
        Columns <span className="panel__hint">{SOURCE_TEXT[view.mappingSource]}</span>
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
              {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
