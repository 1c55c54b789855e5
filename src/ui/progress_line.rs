//! One line of figures: seen today, seen in total, reviews per grade.

use yew::prelude::*;

use crate::core::progress::{Grade, ProgressLine};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub line: ProgressLine,
    pub total_cards: usize,
}

#[component]
pub fn ProgressSummary(props: &ProgressProps) -> Html {
    let line = &props.line;
    html! {
        <section class="idrill-progress" aria-label="Your progress">
            <dl>
                <div><dt>{ "Seen today" }</dt><dd>{ line.seen_today }</dd></div>
                <div><dt>{ "Seen in total" }</dt><dd>{ format!("{} of {}", line.seen_total, props.total_cards) }</dd></div>
                { for Grade::ALL.iter().zip(line.grade_counts.iter()).map(|(grade, count)| html! {
                    <div class={classes!("idrill-grade-count", format!("idrill-g{}", grade.number()))}>
                        <dt>{ grade.label() }</dt><dd>{ *count }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
