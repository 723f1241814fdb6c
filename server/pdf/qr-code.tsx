import { Path, Rect, Svg } from "@react-pdf/renderer";
import QRCode from "qrcode";

// A QR code drawn as vector paths: sharp at any print size, and about three times cheaper than
// encoding a PNG with qrcode and decoding it again in react-pdf (the PNG round trip was most of
// a one-page receipt's render time).

/** Quiet zone around the code, in modules, as the QR standard asks. */
const QUIET = 4;

/** One path for all dark modules, one rectangle per horizontal run. */
export function qrPath(value: string): { d: string; size: number } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x++;
      d += `M${start + QUIET} ${y + QUIET}h${x - start}v1h${start - x}z`;
    }
  }
  return { d, size: n + 2 * QUIET };
}

export function QrCode({ value, size }: { value: string; size: number }) {
  const { d, size: modules } = qrPath(value);
  return (
    <Svg viewBox={`0 0 ${modules} ${modules}`} style={{ width: size, height: size }}>
      <Rect x={0} y={0} width={modules} height={modules} fill="#ffffff" />
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
