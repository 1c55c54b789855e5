//! Statistics derived from the review history and the card states.

use super::bank::Deck;
use super::fsrs::{retrievability, Params, Phase};
use super::progress::Progress;
use super::schedule::CardStates;
use super::time::{local_day, Moment};

/// Days in the due forecast, today included.
pub const FORECAST_DAYS: usize = 7;

#[derive(Clone, Debug, PartialEq)]
pub struct TopicStats {
    pub slug: String,
    pub title: String,
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    /// Mean probability of recall now over the topic's seen cards.
    pub average_recall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub topics: Vec<TopicStats>,
    /// Reviews of this deck today, extra practice included.
    pub reviews_today: usize,
    /// Consecutive days with at least one review, ending today (or yesterday,
    /// if today has none yet).
    pub streak_days: u32,
    /// Cards due on each of the next days; the first includes overdue ones.
    pub forecast: [usize; FORECAST_DAYS],
}

pub fn stats(
    deck: &Deck,
    states: &CardStates,
    progress: &Progress,
    params: &Params,
    now: Moment,
) -> Stats {
    let today = now.local_day();
    let topics = deck
        .topic_counts()
        .into_iter()
        .map(|(topic, _)| {
            let mut t = TopicStats {
                slug: topic.slug.clone(),
                title: topic.title.clone(),
                new: 0,
                learning: 0,
                review: 0,
                average_recall: None,
            };
            let mut recall_sum = 0.0;
            let mut recall_count = 0u32;
            for (i, q) in deck.questions.iter().enumerate() {
                if q.topic != topic.slug {
                    continue;
                }
                let card = states.get(i);
                match card.phase {
                    Phase::New => t.new += 1,
                    Phase::Learning | Phase::Relearning => t.learning += 1,
                    Phase::Review => t.review += 1,
                }
                if let Some(r) = retrievability(params, &card, now.unix_ms) {
                    recall_sum += r;
                    recall_count += 1;
                }
            }
            t.average_recall = (recall_count > 0).then(|| recall_sum / f64::from(recall_count));
            t
        })
        .collect();

    let deck_reviews = progress.reviews().iter().filter(|r| r.card.deck == deck.id);
    let mut days: Vec<i64> = deck_reviews
        .clone()
        .map(|r| local_day(r.at.unix_ms, now.utc_offset_minutes))
        .collect();
    days.sort_unstable();
    days.dedup();
    let practised = |day: i64| days.binary_search(&day).is_ok();
    let reviews_today = deck_reviews
        .filter(|r| local_day(r.at.unix_ms, now.utc_offset_minutes) == today)
        .count();
    let mut day = if practised(today) { today } else { today - 1 };
    let mut streak_days = 0;
    while practised(day) {
        streak_days += 1;
        day -= 1;
    }

    let mut forecast = [0; FORECAST_DAYS];
    for card in &states.0 {
        if card.phase == Phase::New {
            continue;
        }
        let offset = (local_day(card.due_ms, now.utc_offset_minutes) - today).max(0);
        if let Some(slot) = usize::try_from(offset)
            .ok()
            .and_then(|o| forecast.get_mut(o))
        {
            *slot += 1;
        }
    }
    Stats {
        topics,
        reviews_today,
        streak_days,
        forecast,
    }
}
