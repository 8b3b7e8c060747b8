import * as fs from "node:fs";
import { inflateSync } from "node:zlib";

/** An 8-bit RGB(A) image: `pixel(x, y)` → [r, g, b, a]. */
export interface PngImage {
    width: number;
    height: number;
    pixel(x: number, y: number): [number, number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Decodes the PNGs a browser writes for a screenshot: 8 bits per channel, RGB or RGBA, not interlaced. Enough to
 * check what a page rendered without a browser library.
 */
export function readPng(file: string): PngImage {
    const data = fs.readFileSync(file);
    if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${file} is not a PNG`);
    let width = 0;
    let height = 0;
    let channels = 0;
    const idat: Buffer[] = [];
    for (let offset = 8; offset < data.length; ) {
        const length = data.readUInt32BE(offset);
        const type = data.toString("ascii", offset + 4, offset + 8);
        const body = data.subarray(offset + 8, offset + 8 + length);
        if (type === "IHDR") {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            const [bitDepth, colourType, , , interlace] = body.subarray(8, 13);
            if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
                throw new Error(
                    `${file}: only 8-bit, non-interlaced RGB/RGBA PNGs are supported (depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`,
                );
            }
            channels = colourType === 6 ? 4 : 3;
        } else if (type === "IDAT") {
            idat.push(body);
        }
        offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    const pixels = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y += 1) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const out = pixels.subarray(y * stride, (y + 1) * stride);
        const above = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
        for (let i = 0; i < stride; i += 1) {
            const left = i >= channels ? out[i - channels] : 0;
            const up = above[i];
            const upLeft = i >= channels ? above[i - channels] : 0;
            out[i] = (line[i] + predictor(filter, left, up, upLeft)) & 0xff;
        }
    }
    return {
        width,
        height,
        pixel(x, y) {
            const at = y * stride + x * channels;
            return [pixels[at], pixels[at + 1], pixels[at + 2], channels === 4 ? pixels[at + 3] : 255];
        },
    };
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
    switch (filter) {
        case 0:
            return 0;
        case 1:
            return left;
        case 2:
            return up;
        case 3:
            return (left + up) >> 1;
        case 4: {
            const p = left + up - upLeft;
            const pa = Math.abs(p - left);
            const pb = Math.abs(p - up);
            const pc = Math.abs(p - upLeft);
            return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        }
        default:
            throw new Error(`unknown PNG filter type ${filter}`);
    }
}
