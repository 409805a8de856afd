// The digest's 8-week trend as a bar chart PNG: one bar per week for the share of messages
// about customers, labelled with the percentage and the week number in a tiny pixel font.
import { Canvas } from "./png.js";

const GLYPHS: Record<string, string[]> = {
  "0": ["111", "101", "101", "101", "111"],
  "1": ["010", "110", "010", "010", "111"],
  "2": ["111", "001", "111", "100", "111"],
  "3": ["111", "001", "111", "001", "111"],
  "4": ["101", "101", "111", "001", "001"],
  "5": ["111", "100", "111", "001", "111"],
  "6": ["111", "100", "111", "101", "111"],
  "7": ["111", "001", "010", "010", "010"],
  "8": ["111", "101", "111", "101", "111"],
  "9": ["111", "101", "111", "001", "111"],
  "%": ["101", "001", "010", "100", "101"],
  W: ["101", "101", "101", "111", "101"],
  "-": ["000", "000", "111", "000", "000"],
};

const INK: [number, number, number] = [40, 48, 56];
const BAR: [number, number, number] = [29, 78, 95];
const LATEST: [number, number, number] = [232, 126, 4];
const GRID: [number, number, number] = [225, 228, 232];

function text(canvas: Canvas, value: string, centerX: number, top: number, scale = 3): void {
  const width = value.length * 4 * scale - scale;
  let x = centerX - width / 2;
  for (const ch of value) {
    const glyph = GLYPHS[ch];
    glyph?.forEach((row, gy) => [...row].forEach((on, gx) => on === "1" && canvas.rect(x + gx * scale, top + gy * scale, scale, scale, INK)));
    x += 4 * scale;
  }
}

/** `shares` are 0–1 or null (not enough people wrote); `weeks` are ISO labels like "2026-W48". */
export function trendChartPng(shares: (number | null)[], weeks: string[]): Buffer {
  const width = 640;
  const height = 320;
  const canvas = new Canvas(width, height);
  const top = 40;
  const bottom = height - 40;
  const max = Math.max(0.05, ...shares.map((s) => s ?? 0)) * 1.15;
  for (let i = 0; i <= 4; i++) canvas.rect(30, top + ((bottom - top) * i) / 4, width - 60, 1, GRID);
  const slot = (width - 60) / shares.length;
  shares.forEach((share, i) => {
    const center = 30 + slot * i + slot / 2;
    const label = weeks[i]?.split("-")[1] ?? "";
    text(canvas, label, center, bottom + 12);
    if (share === null) {
      text(canvas, "-", center, bottom - 24);
      return;
    }
    const h = ((bottom - top) * share) / max;
    canvas.rect(center - slot * 0.3, bottom - h, slot * 0.6, h, i === shares.length - 1 ? LATEST : BAR);
    text(canvas, `${Math.round(share * 100)}%`, center, bottom - h - 22);
  });
  canvas.rect(30, bottom, width - 60, 2, INK);
  return canvas.toPng();
}
