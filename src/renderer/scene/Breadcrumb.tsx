/** One step of a trail: what to show, and the id to go back to. */
export interface TrailStep {
  id: string;
  name: string;
}

/** A trail of places, the last one current; the others are buttons that go back there. */
export function Breadcrumb({ label, trail, onSelect, className = '' }: { label: string; trail: readonly TrailStep[]; onSelect(id: string): void; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ol className="breadcrumb">
        {trail.map((step, index) => (
          <li key={step.id} className="breadcrumb__item">
            {index < trail.length - 1 ? (
              <button type="button" className="breadcrumb__link" onClick={() => onSelect(step.id)}>
                {step.name}
              </button>
            ) : (
              <span aria-current="location">{step.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
