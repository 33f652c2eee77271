/**
 * The classroom's page (issue 13), reached from the classroom server's addresses:
 * `?classroom=ROOM` (a student's phone; `role=student` optional) or `?classroom=teacher&role=teacher`
 * (the projector, with the key in the hash). The static app never loads this module unless the
 * address asks for it, and nothing here is needed by it.
 */
import { storedLang, type Lang } from '../i18n.ts';
import './student.ts';
import './teacher.ts';

/** The classroom element this address asks for, in the language the browser last used. */
export function classroomElement(params: URLSearchParams): HTMLElement {
  const lang: Lang = storedLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = lang === 'zh' ? '热线实验室课堂' : 'Hotline Lab classroom';
  if (params.get('role') === 'teacher') {
    const el = document.createElement('hl-class-teacher');
    el.lang = lang;
    return el;
  }
  const el = document.createElement('hl-class-student');
  el.lang = lang;
  el.room = (params.get('classroom') ?? '').toUpperCase();
  return el;
}
