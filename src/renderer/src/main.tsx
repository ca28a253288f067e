import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { connectApi } from './api';
import { App } from './App';
import { NoHost } from './components/NoHost';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const api = connectApi();
createRoot(root).render(<StrictMode>{api ? <App api={api} /> : <NoHost />}</StrictMode>);
