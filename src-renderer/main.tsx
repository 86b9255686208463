// Sarabun from the installed package: Vite copies the woff2/woff files into the build (no remote fonts, CSP font-src 'self').
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { getEbill } from './bridge/get-ebill';
import { I18nProvider } from './i18n/i18n-context';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App ebill={getEbill()} />
    </I18nProvider>
  </StrictMode>,
);
