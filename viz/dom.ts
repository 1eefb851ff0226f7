// The page's elements by id (index.html), looked up once.

const $ = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
};

export const ui = {
  scenario: $<HTMLSelectElement>('scenario'), open: $<HTMLButtonElement>('open'), file: $<HTMLInputElement>('file'),
  play: $<HTMLButtonElement>('play'), step: $<HTMLButtonElement>('step'), speed: $<HTMLSelectElement>('speed'), reset: $<HTMLButtonElement>('reset'),
  tick: $<HTMLOutputElement>('tick'), share: $<HTMLButtonElement>('share'), exportMenu: $<HTMLDetailsElement>('export-menu'), exports: $('exports'),
  exportPng: $<HTMLButtonElement>('export-png'), exportVideo: $<HTMLButtonElement>('export-video'), exportCsv: $<HTMLButtonElement>('export-csv'), exportJson: $<HTMLButtonElement>('export-json'),
  present: $<HTMLButtonElement>('present'), theme: $<HTMLButtonElement>('theme'), drawerToggle: $<HTMLButtonElement>('drawer-toggle'), helpToggle: $<HTMLButtonElement>('help-toggle'),
  errors: $('errors'), building: $('building'), names: $('names'), stage: $('stage'), cards: $('cards'), shockButtons: $('shock-buttons'),
  scrub: $<HTMLInputElement>('scrub'), scrubEnd: $<HTMLOutputElement>('scrub-end'), charts: $('charts'), focus: $('focus'), summary: $('summary'),
  summaryToggle: $<HTMLButtonElement>('summary-toggle'), chartsPage: $<HTMLButtonElement>('charts-page'),
  notice: $('notice'), noticeBox: $('notice-box'), hashes: $('hashes'),
  lessonToggle: $<HTMLButtonElement>('lesson-toggle'), lesson: $('lesson'), lessonText: $('lesson-text'), lessonCount: $('lesson-count'),
  lessonNext: $<HTMLButtonElement>('lesson-next'), lessonPrev: $<HTMLButtonElement>('lesson-prev'), lessonClose: $<HTMLButtonElement>('lesson-close'),
  follow: $<HTMLButtonElement>('follow'), following: $('following'), followWhat: $('follow-what'), followLog: $<HTMLOListElement>('follow-log'), followClose: $<HTMLButtonElement>('follow-close'),
  drawer: $('drawer'), drawerClose: $<HTMLButtonElement>('drawer-close'), tabParams: $<HTMLButtonElement>('tab-params'), tabAbout: $<HTMLButtonElement>('tab-about'),
  paramsPane: $('params-pane'), aboutPane: $('about-pane'), params: $('params'), paramSearch: $<HTMLInputElement>('param-search'),
  tooltip: $('tooltip'), help: $<HTMLDialogElement>('help'), crash: $('crash'), crashText: $('crash-text'), restart: $<HTMLButtonElement>('restart'),
  videoDialog: $<HTMLDialogElement>('video-dialog'), videoForm: $<HTMLFormElement>('video-form'), videoFrom: $<HTMLInputElement>('video-from'), videoTo: $<HTMLInputElement>('video-to'),
  videoSize: $<HTMLSelectElement>('video-size'), videoFps: $<HTMLInputElement>('video-fps'), videoStatus: $('video-status'), videoLesson: $<HTMLButtonElement>('video-lesson'),
};

export type Ui = typeof ui;
