// A picture of the tray for the README: the icon, its tooltip and its menu, drawn in HTML from
// the same model the Electron tray is built from (the real menu takes the system's style).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trayIconName } from '../../main/tray/tray-icons';
import {
  trayCondition,
  trayMenu,
  trayTooltip,
  type TrayItem,
  type TrayState,
} from '../../main/tray/tray-model';

const icons = path.resolve(import.meta.dirname, '../../build/tray');
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function items(list: TrayItem[]): string {
  return list
    .map((item) => {
      switch (item.kind) {
        case 'separator':
          return '<hr>';
        case 'submenu':
          return `<div class="item">${escape(item.label)}<span class="more">›</span></div>`;
        case 'start-at-login':
          return `<div class="item"><span class="check">${item.checked ? '✓' : ''}</span>${escape(item.label)}</div>`;
        case 'hang-up-all':
          return `<div class="item${item.enabled ? '' : ' off'}">${escape(item.label)}</div>`;
        case 'placeholder':
          return `<div class="item off">${escape(item.label)}</div>`;
        default:
          return `<div class="item">${escape(item.label)}</div>`;
      }
    })
    .join('');
}

export function trayPictureHtml(state: TrayState): string {
  const icon = readFileSync(
    path.join(
      icons,
      trayIconName('linux', trayCondition(state.connections), 0, true).replace('.png', '@2x.png'),
    ),
  ).toString('base64');
  return `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; font: 13px system-ui, sans-serif; background: #dde3ea; height: 100vh; position: relative; }
  .menu { position: absolute; right: 16px; bottom: 52px; width: 250px; background: #fff; border-radius: 8px;
    box-shadow: 0 6px 24px rgb(0 0 0 / 25%); padding: 6px 0; }
  .item { padding: 5px 14px 5px 34px; position: relative; }
  .item.off { color: #9aa3b2; }
  .check { position: absolute; left: 14px; }
  .more { float: right; }
  hr { border: none; border-top: 1px solid #e5e7eb; margin: 5px 0; }
  .tip { position: absolute; right: 280px; bottom: 52px; background: #1f2937; color: #fff; padding: 8px 10px;
    border-radius: 6px; max-width: 300px; }
  .bar { position: absolute; left: 0; right: 0; bottom: 0; height: 40px; background: #1f2937; }
  .bar img { position: absolute; right: 20px; top: 8px; width: 24px; height: 24px; }
  </style>
  <div class="tip">${escape(trayTooltip(state))}</div>
  <div class="menu">${items(trayMenu(state))}</div>
  <div class="bar"><img src="data:image/png;base64,${icon}" alt=""></div>`;
}
