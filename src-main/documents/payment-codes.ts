import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import { barcodeHumanReadable } from '../../src-shared/codes';
import { strictAssert } from '../../src-shared/result';
import { esc } from './html';

/**
 * Code 128 geometry (payment-formats.md §1.1; the sources give no primary figure, so these are
 * conservative): X-dimension 0.3 mm (≈ 3.5 dots per module at 300 dpi), bars 12 mm tall (the
 * "taller than 1 cm" rule), quiet zones of 20 X each side (Code 128 needs ≥ 10 X).
 */
export const BARCODE_MODULE_MM = 0.3;
export const BARCODE_BAR_HEIGHT_MM = 12;
export const BARCODE_QUIET_ZONE_MM = 6;
/** A DOPA barcode is ~56 characters; wider than this would not fit the slip's part. */
export const BARCODE_MAX_WIDTH_MM = 175;
/** Thai QR: error correction M (as the bank libraries use), 4-module quiet zone, printed 32 mm square. */
export const QR_SIZE_MM = 32;
export const QR_ERROR_CORRECTION = 'M' as const;
export const QR_QUIET_ZONE_MODULES = 4;

/** bwip-js reads `^013` as ASCII 13 when `parse` is on; a literal caret must be written `^094`. */
function toBwippText(barcodeText: string): string {
  return barcodeText.replace(/\^/g, '^094').replace(/\r/g, '^013');
}

export interface BarcodeImage {
  /** Inline SVG, sized in mm, with the quiet zones as padding around it. */
  readonly svg: string;
  readonly widthMm: number;
  readonly humanReadable: string;
}

/** The bank barcode exactly as `bill show` reports it (CRs kept: payment-formats.md §1.1). */
export function barcodeImage(barcodeText: string): BarcodeImage {
  const raw = bwipjs.toSVG({ bcid: 'code128', text: toBwippText(barcodeText), parse: true, scale: 1, height: BARCODE_BAR_HEIGHT_MM });
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(raw);
  strictAssert(viewBox?.[1] !== undefined, 'bwip-js SVG has a viewBox');
  // At scale 1 one viewBox unit is one module.
  const modules = Number(viewBox[1]);
  const widthMm = Math.min(BARCODE_MAX_WIDTH_MM, Math.round(modules * BARCODE_MODULE_MM * 10) / 10);
  const svg = raw.replace('<svg ', `<svg preserveAspectRatio="none" style="display:block;width:${widthMm}mm;height:${BARCODE_BAR_HEIGHT_MM}mm" `);
  return { svg, widthMm, humanReadable: barcodeHumanReadable(barcodeText) };
}

/** The barcode block: quiet zones, bars, and the human-readable line under them. */
export function barcodeBlock(barcodeText: string): string {
  const image = barcodeImage(barcodeText);
  return `<div class="code barcode" style="display:inline-block;padding:2mm ${BARCODE_QUIET_ZONE_MM}mm 1mm">${image.svg}<div class="mono small center">${esc(image.humanReadable)}</div></div>`;
}

/** The Thai QR text as an inline SVG (its own 4-module quiet zone included). */
export async function qrBlock(qrText: string, sizeMm = QR_SIZE_MM): Promise<string> {
  const svg = await QRCode.toString(qrText, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE_MODULES });
  const sized = svg.replace('<svg ', `<svg style="display:block;width:${sizeMm}mm;height:${sizeMm}mm" `);
  return `<div class="code qr" style="display:inline-block">${sized}</div>`;
}
