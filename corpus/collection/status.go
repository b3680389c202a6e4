package collection

import "time"

// Status is what the collection holds and what its background work is
// doing, at one moment.
type Status struct {
	// Loading is set until every file has been read and indexed.
	Loading bool
	// FilesFound and FilesRead count files; Articles counts the articles
	// loaded, Copies the copies of articles left out, Problems the files
	// or parts of files that could not be read.
	FilesFound, FilesRead, Articles, Copies, Problems int
	// BytesFound is the size of the files found, BytesRead how much of it
	// has been read.
	BytesFound, BytesRead int64
	// ArticlesPerSecond is the rate of the load so far, and TimeLeft what
	// it will take at that rate to read the rest of what was found; both
	// are 0 until they can be told, and once the load is over.
	ArticlesPerSecond float64
	TimeLeft          time.Duration
	// Jobs is the work under way, in the order it runs; empty once the
	// collection is idle.
	Jobs []Job
	// Version moves on at every change; NamesVersion when what is known
	// of the names changes.
	Version, NamesVersion uint64
	// Following is set for a collection that follows an archive after
	// its load (FollowArchive); Arrived counts the articles it has taken
	// in since, and Lost says why the archive cannot be reached, ""
	// while it can.
	Following bool
	Arrived   int
	Lost      string
}

// Job is a piece of background work and how far it has got.
type Job struct {
	Name        string
	Done, Total int // Total is 0 when it is not known
}

// Cost is what a piece of background work took: the time one core spent
// on it and the articles it went through.
type Cost struct {
	Name     string
	Articles int
	CPU      time.Duration
}

// Per10k returns the CPU time per ten thousand articles.
func (c Cost) Per10k() time.Duration {
	if c.Articles == 0 {
		return 0
	}
	return c.CPU * 10000 / time.Duration(c.Articles)
}

// The names of the jobs, as Status and Costs give them.
const (
	JobLoad  = "Loading"
	JobNames = "Finding names"
	JobCheck = "Checking names across the collection"
	// JobRelated is told by Costs alone: asks for related articles
	// answer while it runs, making what they need.
	JobRelated = "Preparing related articles"
)

// minPaceTime is how long a load runs before its rate is told: the first
// moments, spent starting up, say little of the rest.
const minPaceTime = 300 * time.Millisecond

// pace is the rate of a load that has read articles and read of found
// bytes in elapsed, and the time the rest will take at the same rate.
func pace(elapsed time.Duration, articles int, read, found int64) (perSecond float64, left time.Duration) {
	if elapsed < minPaceTime || read <= 0 {
		return 0, 0
	}
	perSecond = float64(articles) / elapsed.Seconds()
	if found > read {
		left = time.Duration(float64(elapsed) * float64(found-read) / float64(read))
	}
	return perSecond, left
}

// Status returns what the collection holds and what is running.
func (c *Collection) Status() Status {
	c.mu.RLock()
	s := Status{
		Loading:    c.loading,
		FilesFound: c.progress.FilesFound,
		FilesRead:  c.progress.FilesRead,
		Articles:   len(c.articles),
		Copies:     c.progress.DuplicatesFound,
		Problems:   len(c.problems),
		Version:    c.version,
		BytesFound: c.progress.BytesFound,
		BytesRead:  c.progress.BytesRead,
		Following:  c.following,
		Arrived:    c.arrived,
		Lost:       c.lost,
	}
	elapsed := time.Since(c.started)
	c.mu.RUnlock()
	if s.Loading {
		s.ArticlesPerSecond, s.TimeLeft = pace(elapsed, s.Articles, s.BytesRead, s.BytesFound)
		if s.BytesFound > 0 {
			s.Jobs = append(s.Jobs, Job{JobLoad, int(s.BytesRead), int(s.BytesFound)})
		} else {
			s.Jobs = append(s.Jobs, Job{JobLoad, s.FilesRead, s.FilesFound})
		}
	}
	n := c.names
	n.mu.Lock()
	defer n.mu.Unlock()
	s.NamesVersion = n.version
	switch n.pass {
	case 1:
		s.Jobs = append(s.Jobs, Job{JobNames, n.done[0], s.Articles})
	case 2:
		s.Jobs = append(s.Jobs, Job{JobCheck, n.done[1], s.Articles})
	}
	return s
}

// Costs returns what the names worker's passes and the related
// preparation have cost so far; the preparation's once it is over.
func (c *Collection) Costs() []Cost {
	c.mu.RLock()
	prepared := c.prepared
	c.mu.RUnlock()
	prepared.Name = JobRelated
	n := c.names
	n.mu.Lock()
	defer n.mu.Unlock()
	return []Cost{{JobNames, n.done[0], n.cost[0]}, {JobCheck, n.done[1], n.cost[1]}, prepared}
}
