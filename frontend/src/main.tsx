// antd v5 renders some parts (wave effect, static message/modal) with React 18's render API;
// this official patch adapts it to React 19.
import '@ant-design/v5-patch-for-react-19';
import '@/i18n/i18n';
import './index.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from '@/app/app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
