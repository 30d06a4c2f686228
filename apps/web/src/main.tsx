import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { cspNonce, nonceCreatedStyles } from './lib/cspNonce';
import { createQueryClient } from './lib/queryClient';
import './styles.css';
import './print.css';

nonceCreatedStyles(cspNonce());
initI18n();
const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
