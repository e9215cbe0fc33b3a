import { render } from 'preact';

function App() {
  return <main>Replyclock options</main>;
}

render(<App />, document.getElementById('app')!);
