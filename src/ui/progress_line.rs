//! One line of figures: seen today, seen in total, reviews per grade.

use yew::prelude::*;

use crate::core::progress::{Grade, ProgressLine};

/// `label` names the widget, so each widget's region has a name of its own.
pub fn progress_line(line: &ProgressLine, total_cards: usize, label: &str) -> Html {
    html! {
        <section class="idrill-progress" aria-label={format!("Your progress: {label}")}>
            <dl>
                <div><dt>{ "Seen today" }</dt><dd>{ line.seen_today }</dd></div>
                <div><dt>{ "Seen in total" }</dt><dd>{ line.seen_total }{ " of " }{ total_cards }</dd></div>
                { for Grade::ALL.iter().zip(line.grade_counts).map(|(grade, count)| html! {
                    <div class={GRADE_CLASSES[usize::from(grade.number() - 1)]}>
                        <dt>{ grade.label() }</dt><dd>{ count }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

/// Per-grade colour classes, indexed by grade number minus one.
pub const GRADE_CLASSES: [&str; 4] = ["idrill-g1", "idrill-g2", "idrill-g3", "idrill-g4"];
