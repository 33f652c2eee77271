/** Styles every chart card shares (title, export buttons, legend, plot, axes, hover overlay). */
import { css } from 'lit';

export const chartBaseStyles = css`
    :host { display: block; font: 14px/1.3 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; min-width: 0; }
    figure { margin: 0; }
    header { display: flex; align-items: baseline; gap: 8px; }
    h3 { font-size: 16px; margin: 0 0 4px; flex: 1; font-weight: 600; }
    .tools button { font: 12px system-ui, sans-serif; padding: 2px 6px; border: 1px solid #888; background: #fff; border-radius: 3px; cursor: pointer; }
    .tools button:focus-visible { outline: 2px solid #1565c0; outline-offset: 1px; }
    ul.legend { list-style: none; margin: 0 0 4px; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 13px; }
    .sw { display: inline-block; width: 14px; height: 10px; border-radius: 2px; }
    .plot { position: relative; outline: none; }
    .plot:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
    svg { display: block; overflow: visible; }
    .axis text { font-size: 12px; fill: #333; }
    .axis path, .axis line { stroke: #999; }
    .ylabel { font-size: 12px; fill: #444; }
    .overlay { fill: transparent; pointer-events: all; cursor: crosshair; }
    .empty { font-size: 14px; fill: #777; }
`;
