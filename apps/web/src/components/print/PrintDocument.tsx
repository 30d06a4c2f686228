import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrintedAtFooter } from './PrintedAt';

export interface PrintMetaItem {
  key: string;
  label: string;
  value: ReactNode;
}

export interface PrintSectionItem {
  key: string;
  title: string;
  content: ReactNode;
}

export interface PrintDocumentProps {
  /** The form's name, centred at the top: 补贴申请表, 人员信息表, 发放花名册. */
  title: string;
  /** One line under the title: number, status, date. Each page's foot says who printed it, when. */
  meta: readonly PrintMetaItem[];
  sections: readonly PrintSectionItem[];
  /** Labels of blank lines to sign on (申请人（签字）, 审核人（签字）…), each with a date. */
  signatures?: readonly string[];
  /** A blank circle marked 盖章处 for the office stamp. */
  stamp?: boolean;
  /** Opens the browser's print dialog once, when true (the data has loaded). */
  printWhenReady?: boolean;
  testId?: string;
}

/**
 * A paper form: title, a meta line, sections, signature lines and the stamp's place, on an A4
 * sheet on screen and plain on paper. Routes that render it sit outside the console's layout.
 */
export function PrintDocument(props: PrintDocumentProps) {
  const { t } = useTranslation();
  const { title, meta, sections, signatures = [], stamp = false, printWhenReady = true, testId } = props;
  usePrintOnce(printWhenReady);
  usePrintedAtFooter();
  return (
    <div className="print-view">
      <div className="print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('print.print')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={() => window.close()}>
          {t('common.close')}
        </Button>
      </div>
      <article className="print-sheet" data-testid={testId ?? 'print-document'}>
        <h1>{title}</h1>
        <div className="print-meta">
          {meta.map((m) => (
            <span key={m.key}>
              {m.label}
              {t('print.colon')}
              {m.value}
            </span>
          ))}
        </div>
        {sections.map((s) => (
          <section key={s.key} className="print-section" data-testid={`print-section-${s.key}`}>
            <h2>{s.title}</h2>
            {s.content}
          </section>
        ))}
        {(signatures.length > 0 || stamp) && (
          <div className="print-signatures" data-testid="print-signatures">
            {signatures.map((label) => (
              <div key={label} className="print-signature">
                <span>{label}</span>
                <span className="line" />
                <span>{t('print.date')}</span>
                <span className="line date" />
              </div>
            ))}
            {stamp && (
              <div className="print-stamp" style={{ gridRow: `1 / span ${Math.max(1, signatures.length)}` }}>
                {t('print.stamp')}
              </div>
            )}
          </div>
        )}
      </article>
    </div>
  );
}

/** window.print() once the document is ready; fonts first, or the first page prints in a fallback face. */
function usePrintOnce(ready: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    void document.fonts.ready.then(() => window.print());
  }, [ready]);
}

export interface PrintField {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label and value pairs, two to a row, in a ruled table. */
export function PrintFields({ fields }: { fields: readonly PrintField[] }) {
  const rows: PrintField[][] = [];
  for (let i = 0; i < fields.length; i += 2) rows.push(fields.slice(i, i + 2));
  return (
    <table className="print-table print-fields">
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]!.key}>
            {row.map((f) => (
              <FieldCells key={f.key} field={f} wide={row.length === 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ field, wide }: { field: PrintField; wide: boolean }) {
  return (
    <>
      <th scope="row">{field.label}</th>
      <td colSpan={wide ? 3 : 1} data-field={field.key}>
        {field.value}
      </td>
    </>
  );
}

export interface PrintColumn<Row> {
  key: string;
  title: string;
  render: (row: Row, index: number) => ReactNode;
}

/** A ruled table whose header repeats on every printed page and whose rows are not split. */
export function PrintTable<Row>(props: {
  columns: readonly PrintColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  testId?: string;
}) {
  const { columns, rows, rowKey, testId } = props;
  return (
    <table className="print-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) => (
              <td key={c.key}>{c.render(row, i)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
