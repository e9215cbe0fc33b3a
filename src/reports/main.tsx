import { render } from 'preact';

function App() {
  return <main>Replyclock reports</main>;
}

render(<App />, document.getElementById('app')!);
