/** The app's languages, and a text in each of them (the shape of every table and of the core's schema texts). */
export type Lang = 'en' | 'zh';

export interface Text {
  en: string;
  zh: string;
}
