import type { LabOutput } from '@shared/api'
import { downloadBlob } from '@renderer/workbench/download-blob'

/**
 * Offer a report report:html made as a download, under the name the
 * service chose: the one way the Library and Replay hand a report over.
 */
export function downloadReport(report: LabOutput<'report:html'>): void {
  downloadBlob(new Blob([report.html], { type: 'text/html' }), report.fileName)
}
