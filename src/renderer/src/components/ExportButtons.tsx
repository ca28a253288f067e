import type { ReceiptFormat } from '../../../shared/jobs';

const FORMATS: readonly ReceiptFormat[] = ['csv', 'xlsx'];

interface Props {
  labels: Readonly<Record<ReceiptFormat, string>>;
  disabled: boolean;
  /** The file being made, if any: its button shows busy. */
  exporting: ReceiptFormat | null;
  onExport: (format: ReceiptFormat) => void;
}

/** Export CSV and Export XLSX, side by side at the end of a screen's or a receipt's heading. */
export function ExportButtons({ labels, disabled, exporting, onExport }: Props) {
  return (
    <div className="receipt__exports">
      {/* Labels that never change, so the buttons keep their width while a file is made. */}
      {FORMATS.map((format) => (
        <button key={format} type="button" className="button button--secondary" disabled={disabled} aria-busy={exporting === format} onClick={() => onExport(format)}>
          {labels[format]}
        </button>
      ))}
    </div>
  );
}

type TitleProps = Omit<Props, 'labels'> & { id: string; text: { title: string; exportCsv: string; exportXlsx: string } };

/** A screen's title, with its export buttons at the end of the line. */
export function TitleWithExports({ id, text, ...exports }: TitleProps) {
  return (
    <div className="receipt__head">
      <h2 className="panel__title" id={id}>
        {text.title}
      </h2>
      <ExportButtons labels={{ csv: text.exportCsv, xlsx: text.exportXlsx }} {...exports} />
    </div>
  );
}
