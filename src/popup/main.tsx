import { render } from 'preact';

function App() {
  return <main>Replyclock popup</main>;
}

render(<App />, document.getElementById('app')!);
