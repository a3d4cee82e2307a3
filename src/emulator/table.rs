//! A keyed table of bounded size, for what the emulator keeps per login and per
//! session (transactions, refresh tokens, used assertions): past its capacity the
//! oldest entry is forgotten, as the request log and the outbox forget theirs. An
//! emulator that others' CI fleets share runs for days; logins that are never
//! finished, and sessions that are never ended, must not grow it.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// At most `CAP` entries; inserting into a full table forgets the oldest one.
#[derive(Debug)]
pub struct Table<K, V, const CAP: usize> {
    entries: HashMap<K, (u64, V)>,
    /// Insertion number -> key, oldest first.
    order: BTreeMap<u64, K>,
    next: u64,
}

impl<K, V, const CAP: usize> Default for Table<K, V, CAP> {
    fn default() -> Self {
        Table {
            entries: HashMap::new(),
            order: BTreeMap::new(),
            next: 0,
        }
    }
}

impl<K: Eq + Hash + Clone, V, const CAP: usize> Table<K, V, CAP> {
    /// Adds or replaces an entry (a replaced one counts as new); the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let replaced = self.remove(&key);
        while self.entries.len() >= CAP.max(1) {
            let Some((_, oldest)) = self.order.pop_first() else {
                break;
            };
            self.entries.remove(&oldest);
        }
        self.next += 1;
        self.order.insert(self.next, key.clone());
        self.entries.insert(key, (self.next, value));
        replaced
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.entries.get(key).map(|(_, v)| v)
    }

    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.entries.get_mut(key).map(|(_, v)| v)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.entries.contains_key(key)
    }

    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        let (seq, value) = self.entries.remove(key)?;
        self.order.remove(&seq);
        Some(value)
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        let order = &mut self.order;
        self.entries.retain(|k, (seq, v)| {
            let kept = keep(k, v);
            if !kept {
                order.remove(seq);
            }
            kept
        });
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.values_mut().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_table_forgets_its_oldest_entry_first() {
        let mut t: Table<String, u32, 3> = Table::default();
        for (i, k) in ["a", "b", "c"].iter().enumerate() {
            t.insert(k.to_string(), i as u32);
        }
        // Replacing "a" makes it the newest; "b" is now the oldest.
        assert_eq!(t.insert("a".into(), 10), Some(0));
        t.insert("d".into(), 3);
        assert_eq!(t.len(), 3);
        assert!(!t.contains_key("b"));
        assert_eq!(t.get("a"), Some(&10));
        // A removed entry frees its place without forgetting another.
        assert_eq!(t.remove("c"), Some(2));
        t.insert("e".into(), 4);
        assert!(t.contains_key("a") && t.contains_key("d") && t.contains_key("e"));
        t.retain(|k, _| k != "a");
        t.insert("f".into(), 5);
        t.insert("g".into(), 6);
        assert_eq!(t.len(), 3);
        assert!(!t.contains_key("d") && t.contains_key("e") && t.contains_key("g"));
        assert_eq!(t.order.len(), t.len(), "the order holds no stale keys");
    }
}
