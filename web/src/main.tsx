import { Component, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BenchView } from './views/BenchView';
import './styles.css';

/** A render error becomes a message in words, never a blank page. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) { return { error }; }
  override render() {
    if (this.state.error) {
      return <div className="error page-error" role="alert">
        <h2>Something went wrong in the workbench</h2>
        <p>{this.state.error.message}</p>
        <button onClick={() => { this.setState({ error: null }); }}>Try again</button>
      </div>;
    }
    return this.props.children;
  }
}

const root = createRoot(document.getElementById('root')!);
const bench = location.hash.startsWith('#bench');
root.render(<ErrorBoundary>{bench ? <BenchView /> : <App />}</ErrorBoundary>);
