import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { connectApi } from './api';
import { App } from './App';
import { NoHost } from './components/NoHost';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';
import './wizard.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const api = connectApi();
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{api ? <App api={api} /> : <NoHost />}</I18nProvider>
  </StrictMode>,
);
